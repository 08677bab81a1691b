using System.Text.Json;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Settings;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ExportModel(SignInManager<FolioUser> signIn, AccountExporter exporter, TimeProvider clock) : SettingsPage(signIn)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var export = await exporter.ExportAsync(Me, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(JsonSerializer.SerializeToUtf8Bytes(export, AccountExporter.Json), "application/json", $"folio-{Me.UserName}-{day}.json");
    }
}
