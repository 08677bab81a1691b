using Folio.Features.Labels;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Labels;

public sealed class ReadingSettingsTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReadingChoicesAreSavedAndShownTicked()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var saved = await reader.Http.PostFormAsync("/settings/reading",
            [new("Input.HideAiGenerated", "true"), new("Input.HiddenWarnings", "violence"), new("Input.HiddenWarnings", "self-harm"),
             new("Input.CoverWarnedStories", "true")],
            "/settings/reading");

        Assert.Equal("/settings/reading", saved.Headers.Location?.OriginalString);
        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == reader.User!.Id));
        Assert.Equal((true, ContentWarnings.Violence | ContentWarnings.SelfHarm, true), (stored.HideAiGenerated, stored.HiddenWarnings, stored.CoverWarnedStories));
        var page = await reader.Http.GetHtmlAsync("/settings/reading");
        Assert.Contains("Your reading choices are saved.", page.QuerySelector("[role=status]")?.TextContent);
        Assert.True(page.QuerySelector("#hide-violence")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("#hide-self-harm")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("#hide-spoilers")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name='Input.HideAiGenerated'][type=checkbox]")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name='Input.CoverWarnedStories'][type=checkbox]")!.HasAttribute("checked"));
        Assert.Equal("page", page.QuerySelector(".settings-nav a[href='/settings/reading']")?.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task UntickingEverythingHidesNothingAgain()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await HiddenStories.ChooseAsync(_app, reader.User!, hideAiGenerated: true, ContentWarnings.Abuse);

        await reader.Http.PostFormAsync("/settings/reading", [], "/settings/reading");

        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == reader.User!.Id));
        Assert.Equal((false, ContentWarnings.None), (stored.HideAiGenerated, stored.HiddenWarnings));
    }

    [Fact]
    public async Task AnUnknownWarningIsRefusedWithAMessageKeepingWhatWasTicked()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var refused = await reader.Http.PostFormAsync("/settings/reading",
            [new("Input.HideAiGenerated", "true"), new("Input.HiddenWarnings", "spoilers"), new("Input.HiddenWarnings", "ghosts")],
            "/settings/reading");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        Assert.Contains("“ghosts” is not one of the warnings listed", page.QuerySelector("[data-valmsg-for='Input.HiddenWarnings']")?.TextContent);
        Assert.True(page.QuerySelector("#hide-spoilers")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name='Input.HideAiGenerated'][type=checkbox]")!.HasAttribute("checked"));
        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == reader.User!.Id));
        Assert.Equal((false, ContentWarnings.None), (stored.HideAiGenerated, stored.HiddenWarnings));
    }

    [Fact]
    public async Task AnUnreadableTickIsAnsweredWithThePageNotAnError()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var refused = await reader.Http.PostFormAsync("/settings/reading", [new("Input.HideAiGenerated", "maybe")], "/settings/reading");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEmpty((await refused.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.HideAiGenerated']")?.TextContent ?? "");
    }

    [Fact]
    public async Task TheAccountDownloadCarriesTheReadingChoices()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await HiddenStories.ChooseAsync(_app, reader.User!, hideAiGenerated: true, ContentWarnings.SubstanceUse | ContentWarnings.Spoilers);

        var export = System.Text.Json.JsonDocument.Parse(await reader.Http.GetStringAsync("/settings/export")).RootElement;

        var choices = export.GetProperty("readingChoices");
        Assert.Equal(["substance-use", "spoilers"], choices.GetProperty("hiddenWarnings").EnumerateArray().Select(w => w.GetString()));
        Assert.True(choices.GetProperty("hideAiGenerated").GetBoolean());
        Assert.False(choices.GetProperty("coverWarnedStories").GetBoolean());
    }
}
