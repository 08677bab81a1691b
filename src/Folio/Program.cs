using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Communities;
using Folio.Features.Demo;
using Folio.Features.Errors;
using Folio.Features.Mail;
using Folio.Features.SitePages;
using Folio.Pages.Shared;

var builder = WebApplication.CreateBuilder(args);

builder.AddFolioData();
builder.AddAccounts();
builder.AddMail();
builder.AddFolioPages();
builder.AddSitePages();
builder.AddDemoContent();

var app = builder.Build();

app.UseFolioErrorPages();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapCommunityTheme();
app.MapRazorPages();

await app.InitializeDatabaseAsync();
await app.RunAsync();

public partial class Program;
