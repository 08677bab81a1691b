using System.ComponentModel.DataAnnotations;
using Folio.Features.Labels;
using Folio.Features.Stories;

namespace Folio.Features.Writing;

/// <summary>What the editor form posts. Lengths are checked here; the rules that need the database are in StoryRules.</summary>
public sealed class StoryInput
{
    [Display(Name = "Community")]
    public string? Community { get; set; }

    [StringLength(120, ErrorMessage = "Titles are at most 120 characters.")]
    public string? Title { get; set; }

    [StringLength(200, ErrorMessage = "Subtitles are at most 200 characters.")]
    public string? Subtitle { get; set; }

    [StringLength(200_000, ErrorMessage = "A story can be at most 200,000 characters long.")]
    public string? Body { get; set; }

    [Display(Name = "Tags")]
    [StringLength(300, ErrorMessage = "Keep tags to five short words or phrases.")]
    public string? Tags { get; set; }

    [Display(Name = "Allow comments")]
    public bool CommentsEnabled { get; set; } = true;

    [Display(Name = "Hero image")]
    public IFormFile? HeroImage { get; set; }

    [Display(Name = "Remove the hero image")]
    public bool RemoveHeroImage { get; set; }

    [Display(Name = "Alt text for the hero image")]
    [StringLength(HeroText.MaxAltText, ErrorMessage = "Keep the alt text to 300 characters: say what the picture shows, briefly.")]
    public string? HeroAltText { get; set; }

    [Display(Name = "Caption (optional)")]
    [StringLength(HeroText.MaxCaption, ErrorMessage = "Captions are at most 300 characters.")]
    public string? HeroCaption { get; set; }

    /// <summary>How the story was made, as a slug of <see cref="LabelNames"/>; empty is "written by a person".</summary>
    [Display(Name = "How this story was made")]
    public string? Making { get; set; }

    /// <summary>The content warnings of the fixed list, as slugs.</summary>
    [Display(Name = "Content warnings")]
    public List<string?> Warnings { get; set; } = [];

    [Display(Name = "Another warning, in your own words (optional)")]
    public string? WarningNote { get; set; }

    /// <summary>The labels as typed, or the messages saying which of them to fix (keyed by this input's property names).</summary>
    public (StoryLabelSet? Labels, Dictionary<string, string> Errors) ParsedLabels => StoryLabelSet.Parse(Making, Warnings, WarningNote);

    /// <summary>The labels, once <see cref="StoryRules"/> has checked them.</summary>
    public StoryLabelSet Labels => ParsedLabels.Labels ?? throw new InvalidOperationException("The labels were not checked.");

    public void SetLabels(StoryLabelSet labels)
    {
        Making = LabelNames.Slug(labels.Making);
        Warnings = [.. LabelNames.Slugs(labels.Warnings)];
        WarningNote = labels.WarningNote;
    }

    /// <summary>The slug of the challenge the story is entered in; empty for none.</summary>
    [Display(Name = "Enter a challenge")]
    [StringLength(80)]
    public string? Challenge { get; set; }

    /// <summary>
    /// Set by a form that offers the challenge choice, so an empty <see cref="Challenge"/> means "in no challenge";
    /// surfaces that don't offer it (the API, importers) leave a story's entry as it is.
    /// </summary>
    public bool ChallengeOffered { get; set; }

    /// <summary>
    /// A hero uploaded with a form that was refused for another reason, stored already, so the author doesn't choose it
    /// again: posted back as a token only this author's editor can have made (<see cref="KeptHeroes"/>).
    /// </summary>
    public string? KeptHero { get; set; }

    /// <summary>The stored hero <see cref="KeptHero"/> stands for, once the editor has checked it.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string? KeptHeroUrl { get; set; }

    /// <summary>Whether the story will have a hero once this input is applied to one whose hero is <paramref name="current"/>.</summary>
    public bool WillHaveHero(string? current) => HeroImage is not null || (!RemoveHeroImage && (KeptHeroUrl ?? current) is not null);

    public string NormalizedBody => (Body ?? "").ReplaceLineEndings("\n");

    /// <summary>Rendered once per request, shared by the word-count rule and the save.</summary>
    public RenderedStory Rendered => _rendered ??= StoryRenderer.Render(NormalizedBody);

    private RenderedStory? _rendered;

    public IReadOnlyList<string> TagNames =>
        (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .DistinctBy(Folio.Features.Tags.TagSlug.From)
            .ToList();
}
