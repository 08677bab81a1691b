using System.Net;
using System.Text.Json;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.SiteAdmin;

public sealed class SiteDigestScheduleTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheFormShowsTheDefaultScheduleAndKeepsWhatTheAdminChoosesWithAnAuditEntry()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var fields = await admin.Http.ShownAsync();
        Assert.Equal(("8", "Monday"), (fields["Input.DigestHour"], fields["Input.WeeklyDigestDay"]));
        fields["Input.DigestHour"] = "6";
        fields["Input.WeeklyDigestDay"] = "Sunday";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.SaveGeneralAsync(fields)).StatusCode);

        var shown = await admin.Http.ShownAsync();
        Assert.Equal(("6", "Sunday"), (shown["Input.DigestHour"], shown["Input.WeeklyDigestDay"]));
        var stored = await _app.WithDbAsync(db => db.SiteSettings.SingleAsync());
        Assert.Equal((6, DayOfWeek.Sunday), (stored.DigestHour, stored.WeeklyDigestDay));
        Assert.Null(stored.Name);
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(["digestHour", "weeklyDigestDay"], JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.After!)!.Keys.Order());
        Assert.Equal(8, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Before!)!["digestHour"].GetInt32());
        var settings = await admin.Http.GetHtmlAsync("/settings/email");
        Assert.Equal("Daily digests arrive at 06:00 your time; weekly ones on Sundays.", settings.QuerySelector("[data-digest-times]")?.TextContent);
    }

    [Theory]
    [InlineData("24", "Monday", "Input.DigestHour", "Choose the hour digests are sent, from 00:00 to 23:00.")]
    [InlineData("-1", "Monday", "Input.DigestHour", "Choose the hour digests are sent, from 00:00 to 23:00.")]
    [InlineData("", "Monday", "Input.DigestHour", "Choose the hour digests are sent, from 00:00 to 23:00.")]
    [InlineData("8", "Someday", "Input.WeeklyDigestDay", "Choose the day weekly digests are sent, Monday to Sunday.")]
    [InlineData("8", "1", "Input.WeeklyDigestDay", "Choose the day weekly digests are sent, Monday to Sunday.")]
    public async Task AScheduleOutsideTheChoicesIsShownAgainWithWhatToFix(string hour, string day, string field, string message)
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var fields = SiteForms.General(name: "Typed name", digestHour: hour, weeklyDigestDay: day);

        var response = await admin.Http.SaveGeneralAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var form = await response.ReadHtmlAsync();
        Assert.Equal(message, form.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent);
        Assert.Equal("Typed name", form.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.SiteSettings.CountAsync()));
    }
}
