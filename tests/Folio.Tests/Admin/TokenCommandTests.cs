using Folio.Features.Tokens;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Admin;

public sealed class TokenCommandTests : IDisposable
{
    private readonly FolioProcess _folio = new(migrateTemplate: FolioApp.MigrateTemplate);

    public void Dispose() => _folio.Dispose();

    [Fact]
    public async Task TokenAddPrintsOnlyTheTokenAndStoresItsHash()
    {
        Assert.Equal(0, (await UserCommandTests.AddUserAsync(_folio, "maya")).ExitCode);

        var run = await _folio.RunAsync("token", "add", "--username", "maya", "--name", "deploy script");

        Assert.True(run.ExitCode == 0, run.ToString());
        var token = Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(TokenGenerator.Prefix, token);
        Assert.Equal(token, token.Trim());
        using var app = new FolioApp(dataDirectory: _folio.DataDirectory);
        var stored = await app.WithDbAsync(db => db.PersonalAccessTokens.Include(t => t.User).SingleAsync());
        Assert.Equal(TokenGenerator.Hash(token), stored.TokenHash);
        Assert.Equal("deploy script", stored.Name);
        Assert.Equal("maya", stored.User.UserName);
        Assert.DoesNotContain(token, stored.Prefix + stored.TokenHash);
    }
}
