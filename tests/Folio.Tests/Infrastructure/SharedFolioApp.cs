namespace Folio.Tests.Infrastructure;

/// <summary>
/// One app for every test of a class (<c>IClassFixture&lt;SharedFolioApp&gt;</c>), where starting an app per test
/// costs more than the test. Each test still makes its own data under unique names and never counts over the whole
/// site; a test that moves the clock, changes site settings or counts everything keeps an app of its own.
/// </summary>
public class SharedFolioApp : IDisposable
{
    public SharedFolioApp()
        : this(new FolioApp())
    {
    }

    /// <param name="app">A subclass's own kind of app: the demo site, or settings that lift a limit none of its tests is about.</param>
    protected SharedFolioApp(FolioApp app) => App = app;

    public FolioApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
