using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Labels;

/// <summary>Labels a test story as its creator would have declared them.</summary>
public static class LabelledStories
{
    public static Task LabelAsync(this FolioApp app, Story story, StoryMaking making, ContentWarnings warnings = ContentWarnings.None, string? note = null) =>
        app.WithDbAsync(db => db.Stories.Where(s => s.Id == story.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Making, making).SetProperty(s => s.Warnings, warnings).SetProperty(s => s.WarningNote, note)));

    public static Task<StoryLabelSet> LabelsOfAsync(this FolioApp app, string title) =>
        app.WithDbAsync(db => db.Stories.Where(s => s.Title == title).Select(s => new StoryLabelSet(s.Making, s.Warnings, s.WarningNote)).SingleAsync());
}
