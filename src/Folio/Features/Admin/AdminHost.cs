using System.CommandLine;
using Folio.Data;
using Folio.Features.Operations;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Folio.Features.Admin;

/// <summary>
/// The server's own core (<see cref="FolioCore.AddFolioCore"/>), built but never started, over a database brought up to
/// date: a command's saves have the same side effects as a request's, and running servers see them within seconds.
/// Commands never seed demo content: the server seeds only a database with no communities and no accounts.
/// </summary>
public sealed class AdminHost(string[] configurationArgs)
{
    /// <param name="initializeDatabase">False for commands that must find the database as it is (backup, restore).</param>
    public async Task<int> RunAsync(ParseResult command, Func<AdminContext, Task<int>> work, CancellationToken cancellationToken, bool initializeDatabase = true)
    {
        var output = command.InvocationConfiguration;
        try
        {
            await using var app = Build();
            if (initializeDatabase)
            {
                await app.InitializeDatabaseAsync();
            }

            await using var scope = app.Services.CreateAsyncScope();
            return await work(new AdminContext(scope.ServiceProvider, output.Output, output.Error, cancellationToken));
        }
        catch (OptionsValidationException invalid)
        {
            return AdminContext.Fail(output.Error, invalid.Message);
        }
    }

    private WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder(PublishedContentRoot.For(configurationArgs));
        builder.Configuration.AddInMemoryCollection([new($"{FolioOptions.Section}:{nameof(FolioOptions.SeedDemo)}", "false")]);

        // Standard output carries the command's result alone, so a script can read it.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);

        builder.AddFolioCore();
        return builder.Build();
    }
}

public sealed record AdminContext(IServiceProvider Services, TextWriter Out, TextWriter Error, CancellationToken CancellationToken)
{
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public int Done(string result)
    {
        Out.WriteLine(result);
        return 0;
    }

    public int Fail(string message) => Fail(Error, message);

    public static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 1;
    }
}
