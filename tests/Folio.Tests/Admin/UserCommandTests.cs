using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Admin;

public sealed class UserCommandTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);

    public void Dispose() => _folio.Dispose();

    internal static Task<FolioRun> AddUserAsync(FolioProcess folio, string username, string role = Roles.Reader,
        string? email = null, string password = Personas.Password) =>
        folio.RunAsync(["user", "add", "--email", email ?? $"{username}@example.org", "--username", username,
            "--name", $"Name of {username}", "--role", role, "--password-stdin"], standardInput: password + "\n");

    [Fact]
    public async Task UserAddCreatesAnAccountThatCanSignIn()
    {
        var run = await AddUserAsync(_folio, "maya", Roles.Creator);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("created user maya (reader, creator)", run.Out.TrimEnd());
        Assert.Equal("", run.Error);
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        using var browser = app.NewBrowser();
        await browser.SignInAsync("maya", Personas.Password);
        var profile = await browser.GetHtmlAsync("/authors/maya");
        Assert.Contains("Name of maya", profile.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task UserPasswordLetsAnOperatorSignInAsADemoCreatorAndSeeTheReadsChart()
    {
        using (var seeded = new FolioApp(seedDemo: true, dataDirectory: _folio.DataDirectory))
        {
            await seeded.WithDbAsync(db => Task.FromResult(db.Stories.Count()));
        }

        var tooShort = await _folio.RunAsync(["user", "password", "--username", "maya", "--password-stdin"], standardInput: "short\n");
        var run = await _folio.RunAsync(["user", "password", "--username", "maya", "--password-stdin"], standardInput: Personas.Password + "\n");

        Assert.NotEqual(0, tooShort.ExitCode);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("set the password of maya", run.Out.TrimEnd());
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        using var browser = app.NewBrowser();
        await browser.SignInAsync("maya", Personas.Password);
        var dashboard = await browser.GetHtmlAsync("/me/stories");
        Assert.NotNull(dashboard.QuerySelector("svg[role=img]"));
    }

    [Fact]
    public async Task CommandsRunInTheDevelopmentEnvironmentThatDotnetRunGivesThem()
    {
        // README's `dotnet run --project src/Folio -- user password ...` runs in Development, where the host checks at
        // start that every registered service can be built: a service registered for commands without what it needs
        // fails every command there, and nowhere else.
        using var development = new FolioProcess(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            migrateTemplate: FolioApp.MigrateTemplate);

        var run = await AddUserAsync(development, "maya", Roles.Creator);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("created user maya (reader, creator)", run.Out.TrimEnd());
    }

    [Fact]
    public async Task UserAddWithATakenUsernameFailsWithTheReasonOnStandardErrorOnly()
    {
        Assert.Equal(0, (await AddUserAsync(_folio, "maya")).ExitCode);

        var again = await AddUserAsync(_folio, "maya", email: "other@example.org");

        Assert.NotEqual(0, again.ExitCode);
        Assert.Equal("", again.Out);
        Assert.Contains("“maya” is taken", again.Error);
    }

    [Fact]
    public async Task UserAddWithoutAPasswordOnStandardInputFails()
    {
        var run = await AddUserAsync(_folio, "maya", password: "");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("No password on standard input", run.Error);
    }

    [Fact]
    public async Task UserAddKeepsTheSignUpRulesForUsernamesAndPasswords()
    {
        var reserved = await AddUserAsync(_folio, "admin");
        var shortPassword = await AddUserAsync(_folio, "maya", password: "short");

        Assert.NotEqual(0, reserved.ExitCode);
        Assert.Equal("", reserved.Out);
        Assert.Contains("“admin” is reserved", reserved.Error);
        Assert.NotEqual(0, shortPassword.ExitCode);
        Assert.Equal("", shortPassword.Out);
        Assert.Contains("at least 10 characters", shortPassword.Error);
    }

    [Fact]
    public async Task UserRoleAddsModeratorAndPrintsTheRoles()
    {
        Assert.Equal(0, (await AddUserAsync(_folio, "sam")).ExitCode);

        var run = await _folio.RunAsync("user", "role", "--username", "sam", "--role", Roles.Moderator);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("updated user sam (reader, moderator)", run.Out.TrimEnd());
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
        var sam = await users.FindByNameAsync("sam");
        Assert.NotNull(sam);
        Assert.True(await users.IsInRoleAsync(sam, Roles.Moderator));
        Assert.Equal([Roles.Moderator, Roles.Reader], (await users.GetRolesAsync(sam)).Order());
    }

    [Theory]
    [InlineData("user role --username ghost --role admin")]
    [InlineData("token add --username ghost")]
    public async Task CommandsForAnUnknownUserFail(string command)
    {
        var run = await _folio.RunAsync(command.Split(' '));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("No account has the username “ghost”", run.Error);
    }
}
