using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Series;

/// <summary>The series form, on /me/series (new) and /me/series/{id} (edit); the rules are in <see cref="SeriesRules"/>.</summary>
public sealed class SeriesInput
{
    public string? Title { get; set; }

    [Display(Name = "Address (optional)")]
    public string? Slug { get; set; }

    public string? Description { get; set; }

    [Display(Name = "Cover image (optional)")]
    public IFormFile? Cover { get; set; }

    [Display(Name = "Alt text for the cover")]
    public string? CoverAltText { get; set; }

    public SeriesChange ToChange() => new(Title, Slug, Description, CoverAltText);

    public static SeriesInput From(StorySeries series) =>
        new() { Title = series.Title, Slug = series.Slug, Description = series.Description, CoverAltText = series.CoverAltText };
}
