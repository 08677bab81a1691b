using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests.Infrastructure;

/// <summary>What a person does on the site, step by step, through the pages themselves.</summary>
public static partial class Steps
{
    /// <summary>Signs up through /signup; the new account is signed in and lands on the page that says to check the inbox.</summary>
    public static async Task<Account> SignUpAsync(this IPage page)
    {
        var username = FolioSite.Unique("reader");
        var account = new Account(username, $"{username}@example.org", $"Reader {username[6..]}");
        await page.GotoAsync("/signup");
        var form = page.Locator("main form");
        await form.GetByLabel("Email").FillAsync(account.Email);
        await form.GetByLabel("Username").FillAsync(account.UserName);
        await form.GetByLabel("Display name").FillAsync(account.DisplayName);
        await form.GetByLabel("Password").FillAsync(Account.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // As after signing in: the new account exists once the browser is on /check-inbox; its "load" need not come.
        await page.WaitForURLAsync("**/check-inbox", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return account;
    }

    /// <summary>Fills in and sends the sign-in form on the page the browser is on.</summary>
    public static async Task SignInAsync(this IPage page, Account account)
    {
        var form = page.Locator("main form");
        await form.GetByLabel("Email or username").FillAsync(account.UserName);
        await form.GetByLabel("Password").FillAsync(Account.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once the browser leaves /signin with its cookie; the page it lands on need not finish loading its
        // pictures (on a loaded CI machine the home page's "load" once took over 30 s after the sign-in itself was done).
        // The sign-in itself (a password hash, then a redirect) once took over 30 s too, beside Folio.Tests on two cores.
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 });
    }

    public static async Task SignInFromScratchAsync(this IPage page, Account account)
    {
        await page.GotoAsync("/signin");
        await page.SignInAsync(account);
    }

    /// <summary>Subscribes the signed-in reader to a creator with the button on the creator's profile.</summary>
    public static async Task SubscribeToAsync(this IPage page, Account creator)
    {
        await page.GotoAsync($"/authors/{creator.UserName}");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).First.ClickAsync();
        await Expect(page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).First).ToBeVisibleAsync();
    }

    /// <summary>Writes a story at /write and sends it with one of the editor's buttons; returns its id.</summary>
    public static async Task<int> WriteStoryAsync(this IPage page, string community, string title, string body, string button = "Save draft")
    {
        await page.GotoAsync("/write");
        var editor = new EditorPage(page);
        await editor.Community.SelectOptionAsync(community);
        await editor.Title.FillAsync(title);
        await editor.Subtitle.FillAsync($"A few lines about {title.ToLowerInvariant()}.");
        await editor.Body.FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        // The XSS corpus is a story of some 200 payloads, sanitised and indexed on save; `dotnet test` runs this project
        // beside Folio.Tests on the same cores, and on PostgreSQL that save once took longer than Playwright's 30 s.
        await page.WaitForURLAsync(EditUrl(), new() { Timeout = 90_000 });
        return int.Parse(EditUrl().Match(page.Url).Groups[1].Value);
    }

    /// <summary>A trusted creator publishes a story straight from the editor; returns its address.</summary>
    public static async Task<string> PublishStoryAsync(FolioSite site, string title = "The lamplighter's last round")
    {
        var community = await site.AddCommunityAsync();
        var author = await site.AddUserAsync("trusted");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(author);
        await page.WriteStoryAsync(community, $"{title} {FolioSite.Unique("")}", StoryText.Long, button: "Publish");
        var live = page.GetByRole(AriaRole.Link, new() { Name = "View live story" });
        return await live.GetAttributeAsync("href") ?? throw new InvalidOperationException("No link to the published story.");
    }

    [GeneratedRegex(@"/stories/(\d+)/edit$")]
    private static partial Regex EditUrl();
}

/// <summary>The story editor's parts, by what a person sees.</summary>
public sealed class EditorPage(IPage page)
{
    public ILocator Community => page.Locator("select[name='Input.Community']");
    public ILocator Title => page.Locator("input[name='Input.Title']");
    public ILocator Subtitle => page.Locator("input[name='Input.Subtitle']");
    public ILocator Body => page.Locator("textarea[name='Input.Body']");
    public ILocator Toolbar => page.GetByRole(AriaRole.Toolbar, new() { Name = "Formatting" });
    public ILocator PreviewToggle => Toolbar.Locator("[data-preview-toggle]");
    public ILocator Preview => page.Locator("[data-preview]");
    public ILocator Stats => page.Locator("[data-stats]");
    public ILocator AutosaveStatus => page.Locator("[data-autosave-status]");

    /// <summary>Types at the end of the body, key by key, as a person would.</summary>
    public async Task TypeAtEndAsync(string text)
    {
        await Body.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(text);
    }
}

public static class StoryText
{
    /// <summary>Comfortably over a community's 100-word minimum, with the Markdown a story usually has.</summary>
    public const string Long = """
        The lamps on Harbour Street were lit by hand until the winter my grandfather retired. Every evening he walked the same route with a ladder over his shoulder, a tin of matches in his coat, and a small notebook in which he wrote down every lamp that needed a new mantle.

        ## The notebook

        He kept those notebooks for forty-one years. Most pages say nothing more than a number and a date, but some hold a sentence or two: a storm, a ship coming in late, a child who followed him from post to post asking how the light got inside the glass.

        > Light the far end first, he told me, so the walk home is bright.

        - a ladder
        - a tin of matches
        - a notebook and a pencil

        When the council switched the street to electric lamps, he lit the last one himself, wrote the date, and closed the book.
        """;
}
