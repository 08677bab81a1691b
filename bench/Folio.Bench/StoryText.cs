using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Folio.Features.Stories;

namespace Folio.Bench;

public sealed record StoryDraft(string Title, string Subtitle, string Markdown);

/// <summary>
/// A story's words: a title, a subtitle and a Markdown body of 300–2,500 words (most near a thousand; times the body
/// scale) with headings, paragraphs, emphasis, links, lists and quotes, as creators write them. The same story number
/// and seed give the same text.
/// </summary>
public sealed partial class StoryText(Vocabulary vocabulary, double bodyScale = 1)
{
    /// <summary>Where a pooled body names the story's friend, the one word of it that is the story's own.</summary>
    public const string FriendMark = "Friendmark";

    public StoryDraft Write(int storyNumber, Random random) => Write(Vocabulary.NameOf(storyNumber), random);

    private StoryDraft Write(string friend, Random random)
    {
        var targetWords = (int)((300 + 2_200 * Math.Pow(random.NextDouble(), 2)) * bodyScale);
        var (title, subtitle) = Headline(random);

        var body = new StringBuilder();
        var words = 0;
        var paragraph = 0;
        while (words < targetWords)
        {
            if (paragraph > 0 && paragraph % 5 == 0)
            {
                body.Append("## ").AppendLine(Capitalise(Phrase(random, random.Next(2, 6), skipCommonest: 40))).AppendLine();
            }

            var text = random.Next(12) switch
            {
                0 => ListOf(random),
                1 => "> " + Sentence(random, random.Next(10, 30)) + "\n",
                _ => Paragraph(random, random.Next(40, 120)),
            };
            if (paragraph == 1)
            {
                text = $"My friend {friend} said it first. " + text;
            }

            body.AppendLine(text);
            words += text.Count(c => c == ' ');
            paragraph++;
        }

        return new StoryDraft(title, subtitle, body.ToString());
    }

    /// <summary>A title of at most 120 characters and a plain subtitle, as the editor requires.</summary>
    public (string Title, string Subtitle) Headline(Random random)
    {
        var title = Capitalise(Phrase(random, random.Next(3, 8), skipCommonest: 40));
        var subtitle = PlainSubtitle(Sentence(random, random.Next(8, 17)));
        return (title.Length > 120 ? title[..120].TrimEnd() : title, subtitle);
    }

    private string Paragraph(Random random, int length)
    {
        var text = new StringBuilder();
        for (var written = 0; written < length;)
        {
            var sentence = random.Next(8, 24);
            text.Append(Sentence(random, sentence)).Append(' ');
            written += sentence;
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private string ListOf(Random random)
    {
        var list = new StringBuilder();
        for (var i = random.Next(3, 6); i > 0; i--)
        {
            list.Append("- ").AppendLine(Sentence(random, random.Next(4, 12)));
        }

        return list.ToString();
    }

    private string Sentence(Random random, int length)
    {
        var words = new string[length];
        for (var i = 0; i < length; i++)
        {
            words[i] = random.Next(40) switch
            {
                0 => "*" + vocabulary.Next(random) + "*",
                1 => "**" + vocabulary.Next(random) + "**",
                2 when i > 0 && i < length - 1 => vocabulary.Next(random) + ",",
                3 => Link(vocabulary.Next(random)),
                _ => vocabulary.Next(random),
            };
        }

        return Capitalise(string.Join(' ', words)) + ".";
    }

    /// <summary>
    /// Stories first … first + count − 1, written and rendered by Folio's StoryRenderer in parallel, each from the stream
    /// <paramref name="streamOf"/> gives its number, so the same numbers give the same stories in any order.
    /// </summary>
    public (StoryDraft Draft, RenderedStory Rendered)[] WriteRendered(int first, int count, Func<int, Random> streamOf) =>
        Rendered(count, i => Write(first + i, streamOf(first + i)));

    /// <summary>
    /// Bodies to share between stories, written and rendered once: each names its friend <see cref="FriendMark"/>, which
    /// a story replaces with its own friend's name, in the Markdown and the HTML alike.
    /// </summary>
    public (StoryDraft Draft, RenderedStory Rendered)[] WritePool(int count, Func<int, Random> streamOf) =>
        Rendered(count, i => Write(FriendMark, streamOf(i)));

    private static (StoryDraft Draft, RenderedStory Rendered)[] Rendered(int count, Func<int, StoryDraft> write)
    {
        var drafts = new (StoryDraft Draft, RenderedStory Rendered)[count];
        Parallel.For(0, count, i =>
        {
            var draft = write(i);
            drafts[i] = (draft, StoryRenderer.Render(draft.Markdown));
        });
        return drafts;
    }

    /// <summary>A subtitle is plain text of at most 200 characters, as the editor requires: the sentence without its Markdown.</summary>
    private static string PlainSubtitle(string sentence)
    {
        var plain = MarkdownLink().Replace(sentence, "$1").Replace("*", "");
        return plain.Length <= MaxSubtitle ? plain : plain[..plain.LastIndexOf(' ', MaxSubtitle - 1)] + ".";
    }

    private const int MaxSubtitle = 200;

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    private static string Link(string word) => $"[{word}](https://example.org/{word})";

    private string Phrase(Random random, int length, int skipCommonest)
    {
        var words = new string[length];
        for (var i = 0; i < length; i++)
        {
            words[i] = vocabulary.Ranked(skipCommonest + (int)Math.Pow(random.Next(1, 120), 1.6));
        }

        return string.Join(' ', words);
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
