using System.ServiceModel.Syndication;
using Folio.Features.Labels;
using Folio.Pages.Shared;

namespace Folio.Features.Feeds;

/// <summary>
/// A story's labels in a feed: a category per warning and one for AI making, each in a scheme of the site's own
/// (RSS's domain, Atom's scheme) so a reader can filter them apart from tags; and the warnings said before the subtitle,
/// because a feed reader shows the story at once.
/// </summary>
public static class FeedLabels
{
    public const string MakingScheme = "/labels/making";
    public const string WarningScheme = "/labels/warnings";

    public static IEnumerable<SyndicationCategory> Categories(StoryLabelSet labels, SiteUrls urls)
    {
        if (labels.MadeWithAi)
        {
            yield return new SyndicationCategory(LabelNames.Slug(labels.Making), urls.Absolute(MakingScheme), LabelNames.DisplayName(labels.Making));
        }

        foreach (var warning in StoryLabels.Each(labels.Warnings))
        {
            yield return new SyndicationCategory(LabelNames.Slug(warning), urls.Absolute(WarningScheme), LabelNames.DisplayName(warning));
        }
    }

    public static string Summary(string subtitle, StoryLabelSet labels) =>
        labels.IsWarned ? $"{WarningText.Of(labels)} {subtitle}".TrimEnd() : subtitle;
}
