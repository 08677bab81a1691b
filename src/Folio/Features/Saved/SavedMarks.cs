using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Saved;

/// <summary>
/// Which stories of a page the signed-in reader has saved, so each card can show its Save button: one query per page
/// (Features/Saved/_SavedMarks.cshtml, which a page renders with all its cards before the first of them, as
/// Pages/Shared/_StoryList.cshtml does), none for a visitor, whose cards show no button at all and so can be cached for
/// everyone. A card this request never asked about shows no button either.
/// </summary>
public sealed class SavedMarks(FolioDb db)
{
    private readonly HashSet<int> _asked = [];
    private readonly HashSet<int> _saved = [];
    private bool _scriptShown;

    public async Task LoadAsync(ClaimsPrincipal viewer, IEnumerable<int> storyIds, CancellationToken cancellationToken)
    {
        if (viewer.UserId() is not { } me)
        {
            return;
        }

        var ids = storyIds.Where(id => !_asked.Contains(id)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        _saved.UnionWith(await db.SavedStories.Where(s => s.UserId == me && ids.Contains(s.StoryId)).Select(s => s.StoryId).ToListAsync(cancellationToken));
        _asked.UnionWith(ids);
    }

    /// <summary>Saved or not, or null when this request did not load the story's mark (a visitor, or a list that doesn't ask).</summary>
    public bool? StateOf(int storyId) => _asked.Contains(storyId) ? _saved.Contains(storyId) : null;

    /// <summary>True the first time only: one script tag per page, however many cards.</summary>
    public bool TakeScript()
    {
        var first = !_scriptShown;
        _scriptShown = true;
        return first;
    }
}
