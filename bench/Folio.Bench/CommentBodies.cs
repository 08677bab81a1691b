using System.Reflection;
using Folio.Features.Comments;

namespace Folio.Bench;

/// <summary>
/// A pool of comment texts rendered once with Folio's CommentRenderer. Rendering half a million comments one by one
/// would take most of the generation time for the same few shapes of HTML, so each comment takes a pooled text and its
/// HTML as they are; Comment keeps both behind private setters, hence the reflection.
/// </summary>
public sealed class CommentBodies
{
    private static readonly PropertyInfo Body = typeof(Comment).GetProperty(nameof(Comment.Body))!;
    private static readonly PropertyInfo BodyHtml = typeof(Comment).GetProperty(nameof(Comment.BodyHtml))!;

    private readonly (string Text, string Html)[] _pool;

    public CommentBodies(Vocabulary vocabulary, Random random, int size = 500)
    {
        _pool = new (string, string)[size];
        for (var i = 0; i < size; i++)
        {
            var words = Enumerable.Range(0, random.Next(5, 60)).Select(_ => vocabulary.Next(random)).ToArray();
            if (random.Next(4) == 0)
            {
                words[random.Next(words.Length)] = "*" + words[0] + "*";
            }

            var text = char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".";
            _pool[i] = (text, CommentRenderer.Render(text));
        }
    }

    public void Apply(Comment comment, Random random)
    {
        var (text, html) = _pool[random.Next(_pool.Length)];
        Body.SetValue(comment, text);
        BodyHtml.SetValue(comment, html);
    }
}
