using Folio.Features.Communities;
using Folio.Features.Stories;
using Folio.Features.Tags;

namespace Folio.Features.Writing;

public enum StoryIntent
{
    SaveDraft,
    Submit,
}

/// <summary>The rules a story meets before it is saved as a draft, and the stricter ones before anyone may read it.</summary>
public static class StoryRules
{
    public const int MaxTags = 5;

    public static Dictionary<string, string> Check(StoryInput input, Community? community, StoryIntent intent)
    {
        var errors = new Dictionary<string, string>();
        if (community is null)
        {
            errors[nameof(StoryInput.Community)] = "Choose the community this story belongs to.";
        }

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors[nameof(StoryInput.Title)] = "Give your story a title (up to 120 characters).";
        }

        var tags = input.TagNames;
        if (tags.Count > MaxTags)
        {
            errors[nameof(StoryInput.Tags)] = $"Use at most {MaxTags} tags; you have {tags.Count}.";
        }
        else if (tags.FirstOrDefault(t => t.Length > TagSlug.MaxLength || TagSlug.From(t).Length == 0) is { } badTag)
        {
            errors[nameof(StoryInput.Tags)] = $"“{badTag}” can’t be a tag: use letters or digits, at most {TagSlug.MaxLength} characters.";
        }

        foreach (var (field, message) in input.ParsedLabels.Errors)
        {
            errors[field] = message;
        }

        if (intent == StoryIntent.SaveDraft)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(input.Subtitle))
        {
            errors[nameof(StoryInput.Subtitle)] = "Add a subtitle: one sentence that tells readers what the story is about (up to 200 characters).";
        }

        if (community is not null)
        {
            var words = input.Rendered.WordCount;
            if (words < community.MinimumWords)
            {
                errors[nameof(StoryInput.Body)] =
                    $"{community.Name} asks for at least {community.MinimumWords} words; this story has {words}. Add {community.MinimumWords - words} more.";
            }
        }

        return errors;
    }
}
