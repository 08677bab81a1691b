using Folio.Features.Operations;

namespace Folio.Tests.Operations;

/// <summary>
/// A published Folio serves from its own folder wherever it is started; `dotnet run` and an operator's own choice are
/// left alone. .ci/selfhost checks the real executable.
/// </summary>
public sealed class PublishedContentRootTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("folio-content-root-").FullName;

    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void APublishedFolderWithWwwrootIsTheContentRoot()
    {
        Directory.CreateDirectory(Path.Combine(folder, "wwwroot"));

        Assert.Equal(folder, PublishedContentRoot.Choose(["--urls", "http://127.0.0.1:5080"], folder, NoEnvironment));
    }

    [Fact]
    public void ABuildOutputWithoutWwwrootLeavesTheChoiceToAspNetCore() =>
        Assert.Null(PublishedContentRoot.Choose([], folder, NoEnvironment));

    [Theory]
    [InlineData("--contentRoot=/srv/folio")]
    [InlineData("--contentroot")]
    public void AContentRootOnTheCommandLineWins(string argument)
    {
        Directory.CreateDirectory(Path.Combine(folder, "wwwroot"));

        Assert.Null(PublishedContentRoot.Choose([argument, "/srv/folio"], folder, NoEnvironment));
    }

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void AContentRootInTheEnvironmentWins(string variable)
    {
        Directory.CreateDirectory(Path.Combine(folder, "wwwroot"));

        Assert.Null(PublishedContentRoot.Choose([], folder, name => name == variable ? "/srv/folio" : null));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
