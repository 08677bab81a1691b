using Folio.Features.Insights;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Insights;

/// <summary>What a reader's browser sends from the picker: the form, or the script's fragment requests.</summary>
public static class InsightCalls
{
    public static string PickerUrl(int storyId) => $"/stories/{storyId}/insights";

    public static Task<HttpResponseMessage> GiveInsightsAsync(this HttpClient browser, int storyId, Impression? impression, params InsightQuality[] qualities) =>
        browser.PostFormAsync(PickerUrl(storyId), Fields(impression, qualities), PickerUrl(storyId));

    public static Task<HttpResponseMessage> GiveInsightsInPlaceAsync(this HttpClient browser, int storyId, Impression? impression, params InsightQuality[] qualities) =>
        browser.PostFormAsync(PickerUrl(storyId) + "?fragment=true", Fields(impression, qualities), PickerUrl(storyId));

    public static Task<HttpResponseMessage> WithdrawInsightsAsync(this HttpClient browser, int storyId, bool inPlace = false) =>
        browser.PostFormAsync(PickerUrl(storyId) + "?handler=Withdraw" + (inPlace ? "&fragment=true" : ""), new Dictionary<string, string>(), PickerUrl(storyId));

    public static IEnumerable<KeyValuePair<string, string>> Fields(Impression? impression, params InsightQuality[] qualities) =>
        (impression is null ? [] : new[] { new KeyValuePair<string, string>("Impression", impression.Value.ToString()) })
            .Concat(qualities.Select(q => new KeyValuePair<string, string>("Qualities", q.ToString())));
}
