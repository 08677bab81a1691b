using Folio.Tests.Transfer;

namespace Folio.Tests.MultiNode;

/// <summary>
/// The default site (one node, SQLite, no Redis) and the same executable run as a command beside it, as an operator
/// does: what the command changes reaches the server's cached pages within seconds, although no cache is shared.
/// </summary>
public sealed class CommandChangeTests : IDisposable
{
    private readonly TransferFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ACommunityAddedAndAStoryImportedByCommandsShowOnTheRunningSitesCachedPagesWithinSeconds()
    {
        using var node = await FolioProcess.StartAsync();
        await node.SucceedsAsync(["community", "add", "--slug", "earth", "--name", "Earth"]);
        await node.SucceedsAsync(
            ["user", "add", "--email", "maya@example.org", "--username", "maya", "--name", "Maya Okafor", "--role", "creator", "--password-stdin"],
            "a long enough password\n");
        using var anonymous = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var path in new[] { "/", "/explore", "/earth" })
        {
            await anonymous.CachedAsync(path);
        }

        await node.SucceedsAsync(["community", "add", "--slug", "night-owls", "--name", "Night Owls", "--tagline", "Stories written after dark."]);
        await anonymous.ShowsSoonAsync("/explore", "Night Owls", DateTime.UtcNow);

        _files.Write("posts/river.md", TransferFiles.Story("title: The River at Dawn\ncommunity: earth\nauthor: maya\ntags: [Rivers]\ndate: 2022-06-01"));
        await node.SucceedsAsync(["import", "markdown", _files.Folder]);
        var importedAt = DateTime.UtcNow;
        foreach (var path in new[] { "/", "/earth", "/earth/the-river-at-dawn" })
        {
            await anonymous.ShowsSoonAsync(path, "The River at Dawn", importedAt);
        }
    }
}
