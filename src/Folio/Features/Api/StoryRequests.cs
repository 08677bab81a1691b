using System.ComponentModel;
using Folio.Features.Writing;

namespace Folio.Features.Api;

/// <summary>A new story. <c>status</c> is "draft" (the default) or "published"; <c>publishedAt</c> is for admins importing a story.</summary>
public sealed record CreateStoryRequest(
    [property: Description("The slug of the community the story belongs to, e.g. \"earth\".")] string? Community,
    string? Title,
    string? Subtitle = null,
    [property: Description("Markdown.")] string? Body = null,
    [property: Description("At most five tag names, e.g. [\"Climate\", \"Slow Living\"].")] IReadOnlyList<string?>? Tags = null,
    [property: Description("\"draft\" (default) or \"published\"; a story from an account whose stories are reviewed first comes back \"pending\".")] string? Status = null,
    [property: Description("Admins only, with status \"published\": the original publication time of an imported story (UTC or with an offset, not in the future).")] DateTime? PublishedAt = null,
    bool? CommentsEnabled = null,
    [property: Description("The hero image's alt text (a hero is uploaded in the editor).")] string? HeroAltText = null,
    [property: Description("The hero image's caption.")] string? HeroCaption = null,
    [property: Description(StoryLabelDescriptions.Making + " Any other value is a 400.")] string? Making = null,
    [property: Description(StoryLabelDescriptions.Warnings + " Any other value is a 400.")] IReadOnlyList<string?>? Warnings = null,
    [property: Description(StoryLabelDescriptions.WarningNote)] string? WarningNote = null)
{
    /// <summary>The editor form's input, so the editor's rules and save apply unchanged.</summary>
    public StoryInput ToInput() => new()
    {
        Community = Community,
        Title = Title,
        Subtitle = Subtitle,
        Body = Body,
        Tags = StoryTagList.Join(Tags),
        CommentsEnabled = CommentsEnabled ?? true,
        HeroAltText = HeroAltText,
        HeroCaption = HeroCaption,
        Making = Making,
        Warnings = [.. Warnings ?? []],
        WarningNote = WarningNote,
    };
}

/// <summary>Changes to a story; a field that is null or left out stays as it is.</summary>
public sealed record UpdateStoryRequest(
    [property: Description("Only until the story is first published.")] string? Community = null,
    string? Title = null,
    string? Subtitle = null,
    [property: Description("Markdown.")] string? Body = null,
    [property: Description("Replaces all the story's tags; [] removes them.")] IReadOnlyList<string?>? Tags = null,
    [property: Description("\"published\" (publish, or submit for review), \"unpublished\" (take offline) or \"draft\" (withdraw from review).")] string? Status = null,
    bool? CommentsEnabled = null,
    [property: Description("The hero image's alt text: what it shows, for readers who can't see it; required to publish a story with a hero image. \"\" removes it.")] string? HeroAltText = null,
    [property: Description("The hero image's caption; \"\" removes it.")] string? HeroCaption = null,
    [property: Description(StoryLabelDescriptions.Making + " Any other value is a 400.")] string? Making = null,
    [property: Description(StoryLabelDescriptions.Warnings + " Replaces all the story's warnings; [] removes them. Any other value is a 400.")]
    IReadOnlyList<string?>? Warnings = null,
    [property: Description(StoryLabelDescriptions.WarningNote + " \"\" removes it.")] string? WarningNote = null)
{
    public bool ChangesContent =>
        Community is not null || Title is not null || Subtitle is not null || Body is not null || Tags is not null || CommentsEnabled is not null
        || HeroAltText is not null || HeroCaption is not null || Making is not null || Warnings is not null || WarningNote is not null;

    /// <summary>The story as the editor would show it, with this request's fields typed over it.</summary>
    public StoryInput ApplyTo(StoryInput current) => new()
    {
        Community = Community ?? current.Community,
        Title = Title ?? current.Title,
        Subtitle = Subtitle ?? current.Subtitle,
        Body = Body ?? current.Body,
        Tags = Tags is null ? current.Tags : StoryTagList.Join(Tags),
        CommentsEnabled = CommentsEnabled ?? current.CommentsEnabled,
        HeroAltText = HeroAltText ?? current.HeroAltText,
        HeroCaption = HeroCaption ?? current.HeroCaption,
        Making = Making ?? current.Making,
        Warnings = Warnings is null ? current.Warnings : [.. Warnings],
        WarningNote = WarningNote ?? current.WarningNote,
    };
}

/// <summary>What a client may ask a story to become; the server decides whether "published" means live or in review.</summary>
public enum RequestedStatus
{
    Draft,
    Published,
    Unpublished,
}

public static class RequestedStatuses
{
    public const string ForCreate = "Use \"draft\" to save a draft, or \"published\" to publish it (or submit it for review if your account's stories are reviewed first).";
    public const string ForUpdate = "Use \"draft\" (keep it private, or withdraw it from review), \"published\" (publish it, or submit it for review) or \"unpublished\" (take it offline).";

    /// <summary>False for a value that names no status; a missing value is valid and means "leave it as it is".</summary>
    public static bool TryParse(string? value, out RequestedStatus? status)
    {
        (bool Known, RequestedStatus? Status) parsed = value?.Trim().ToLowerInvariant() switch
        {
            null => (true, null),
            "draft" => (true, RequestedStatus.Draft),
            "published" => (true, RequestedStatus.Published),
            "unpublished" => (true, RequestedStatus.Unpublished),
            _ => (false, null),
        };
        status = parsed.Status;
        return parsed.Known;
    }
}

public static class StoryTagList
{
    /// <summary>The editor takes tags as one comma-separated field; blank items are dropped as the editor drops empty ones.</summary>
    public static string Join(IReadOnlyList<string?>? tags) =>
        string.Join(", ", (tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));
}
