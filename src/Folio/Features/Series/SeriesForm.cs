using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Folio.Features.Series;

/// <summary>What the new and edit pages share.</summary>
public static class SeriesForm
{
    /// <summary>Above the cover's limit, so an oversized cover gets a message on the form instead of a 413.</summary>
    public const long UploadLimit = 10 * 1024 * 1024;

    public static string EditPath(int id) => $"/me/series/{id}";

    public static void AddProblems(ModelStateDictionary modelState, Dictionary<string, string> problems)
    {
        foreach (var (field, message) in problems)
        {
            modelState.AddModelError($"Input.{field}", message);
        }
    }

    public static string Describe(PartRefusal refusal) => refusal switch
    {
        PartRefusal.NotYourStory => SeriesRules.NotYourStory,
        PartRefusal.Full => SeriesRules.Full,
        _ => "There is no such story.",
    };
}
