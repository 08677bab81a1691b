using Folio.Data;

namespace Folio.Features.Challenges.Awards;

/// <summary>
/// The challenge awards of a page's story cards, asked in one query per page (Features/Challenges/Awards/_AwardMarks.cshtml,
/// rendered with every card before the first, as the saved marks are), so each card can show its badge.
/// The same for every reader, so a cached page stays right for all.
/// </summary>
public sealed class AwardMarks(FolioDb db)
{
    private readonly HashSet<int> _asked = [];
    private readonly Dictionary<int, ChallengeAward> _awards = [];

    public async Task LoadAsync(IEnumerable<int> storyIds, CancellationToken cancellationToken)
    {
        var ids = storyIds.Where(id => !_asked.Contains(id)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var award in await ChallengeAwards.ForStoriesAsync(db, ids, cancellationToken))
        {
            _awards[award.StoryId] = award;
        }

        _asked.UnionWith(ids);
    }

    public ChallengeAward? Of(int storyId) => _awards.GetValueOrDefault(storyId);
}
