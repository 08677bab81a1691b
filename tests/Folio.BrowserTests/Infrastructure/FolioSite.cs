namespace Folio.BrowserTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<FolioSite>
{
    // One collection: the tests share one app process and one Chromium, and take turns on a two-core machine.
    public const string Name = "Folio in Chromium";
}

public sealed record Account(string UserName, string Email, string DisplayName)
{
    public const string Password = "correct horse battery staple";
}

/// <summary>The app on a real port, Chromium, and the operator's command line: what every browser test starts from.</summary>
public sealed class FolioSite : IAsyncLifetime
{
    private static int _sequence;
    private FolioProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public FolioProcess Server => _server ?? throw NotStarted();
    private IBrowser Browser => _browser ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        if (Chromium.Unavailable is not null)
        {
            return; // every [BrowserFact] is skipped with the reason
        }

        // The app and the browser start side by side; whichever fails, nothing is left running.
        // Every test signs up from the one loopback address, which a real site would take for a sign-up bot.
        var starting = FolioProcess.StartAsync(new Dictionary<string, string?> { ["Folio:Accounts:SignUpsPerHour"] = "1000" });
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
            _server = await starting;
        }
        catch
        {
            await DisposeAsync();
            if (_server is null && await Task.WhenAny(starting) is { IsCompletedSuccessfully: true })
            {
                starting.Result.Dispose(); // the browser failed, the app had started
            }

            throw;
        }
    }

    /// <summary>A fresh browser profile (cookies, local storage) on the site, in UTC and British English.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        // Playwright's own default: .ci/run runs this suite beside the PostgreSQL suite on two cores, where a sign-up has taken over 10 s.
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _sequence)}";

    /// <summary>`community add`, as the operator creates communities.</summary>
    public async Task<string> AddCommunityAsync(string name = "Night Owls", string tagline = "Stories written after dark.")
    {
        var slug = Unique("owls-");
        await RunAsync(["community", "add", "--slug", slug, "--name", $"{name} {slug}", "--tagline", tagline]);
        return slug;
    }

    /// <summary>`user add --role …`, for the roles sign-up does not give (trusted, moderator).</summary>
    public async Task<Account> AddUserAsync(string role, string? displayName = null)
    {
        var username = Unique(role);
        var account = new Account(username, $"{username}@example.org", displayName ?? $"{char.ToUpperInvariant(role[0])}{role[1..]} {username[role.Length..]}");
        await RunAsync(
            ["user", "add", "--email", account.Email, "--username", username, "--name", account.DisplayName, "--role", role, "--password-stdin"],
            standardInput: Account.Password + "\n");
        return account;
    }

    private async Task RunAsync(string[] command, string? standardInput = null)
    {
        var run = await Server.RunAsync(command, standardInput);
        Assert.True(run.ExitCode == 0, $"`folio {string.Join(' ', command)}` failed: {run}");
    }

    private static InvalidOperationException NotStarted() => new($"The site did not start: {Chromium.Unavailable}");

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
    }
}
