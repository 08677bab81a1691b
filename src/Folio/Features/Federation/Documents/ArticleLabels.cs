using System.Net;
using System.Text.Json.Nodes;
using Folio.Features.Labels;

namespace Folio.Features.Federation.Documents;

/// <summary>
/// A story's labels in its Article, as Mastodon and its kin read a content warning: <c>sensitive</c> set and the
/// warning as the <c>summary</c> (shown in place of the subtitle, before the story). AI making is a hashtag,
/// which every implementation shows and lets people filter.
/// </summary>
public static class ArticleLabels
{
    public static void Apply(JsonObject article, StoryLabelSet labels)
    {
        if (labels.IsWarned)
        {
            article["@context"] = ActivityStreams.SensitiveContext();
            article["sensitive"] = true;
            article["summary"] = WebUtility.HtmlEncode(WarningText.Of(labels));
        }

        if (Hashtag(labels.Making) is { } name)
        {
            article["tag"]!.AsArray().Add(new JsonObject { ["type"] = "Hashtag", ["name"] = name });
        }
    }

    private static string? Hashtag(StoryMaking making) => making switch
    {
        StoryMaking.AiGenerated => "#AIGenerated",
        StoryMaking.AiAssistedEditing => "#AIAssisted",
        _ => null,
    };
}
