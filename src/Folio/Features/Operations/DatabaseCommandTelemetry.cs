using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Folio.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Features.Operations;

/// <summary>
/// Database time on either provider: every command EF Core runs is recorded in the `folio.db.command.duration`
/// histogram (seconds, tagged with the provider and the kind of command). On SQLite each command also becomes a
/// span of the request's trace; Npgsql traces its own commands on PostgreSQL.
/// </summary>
public sealed class DatabaseCommandTelemetry : DbCommandInterceptor
{
    public const string DurationInstrument = "folio.db.command.duration";

    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _duration;
    private readonly string _system;
    private readonly bool _traceCommands;

    public DatabaseCommandTelemetry(IMeterFactory meters, DatabaseProvider provider)
    {
        _duration = meters.Create(FolioTelemetry.MeterName).CreateHistogram(DurationInstrument, "s",
            "How long each database command took, from sending it to the first result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        (_system, _traceCommands) = provider == DatabaseProvider.Postgres ? ("postgresql", false) : ("sqlite", true);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData, error: null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Record(command, eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData, error: null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Record(command, eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData, error: null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Record(command, eventData, error: null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Record(command, eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Record(DbCommand command, CommandEndEventData eventData, Exception? error)
    {
        var kind = eventData.ExecuteMethod switch
        {
            DbCommandMethod.ExecuteReader => "reader",
            DbCommandMethod.ExecuteScalar => "scalar",
            _ => "non_query",
        };
        var tags = new TagList { { "db.system.name", _system }, { "folio.db.command.kind", kind } };
        if (error is not null)
        {
            tags.Add("error.type", error.GetType().Name);
        }

        _duration.Record(eventData.Duration.TotalSeconds, tags);
        if (_traceCommands && FolioTelemetry.Source.HasListeners())
        {
            Trace(command, eventData, kind, error);
        }
    }

    // The span is made once the command is over, with its real start and end, so nothing has to be carried between
    // the "executing" and "executed" calls; its parent is the request's span, still current here.
    private void Trace(DbCommand command, CommandEndEventData eventData, string kind, Exception? error)
    {
        var operation = Operation(command.CommandText);
        using var activity = FolioTelemetry.Source.StartActivity(operation, ActivityKind.Client, parentContext: default, startTime: eventData.StartTime);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("db.system.name", _system);
        activity.SetTag("db.operation.name", operation);
        activity.SetTag("db.query.text", command.CommandText);
        activity.SetTag("folio.db.command.kind", kind);
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", error.GetType().Name);
        }

        activity.SetEndTime((eventData.StartTime + eventData.Duration).UtcDateTime);
    }

    /// <summary>The statement's first word (SELECT, INSERT, …): a span name that groups well; the full text is a tag.</summary>
    private static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny([' ', '\t', '\r', '\n']);
        var word = (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
        return word.Length > 0 ? word : "SQL";
    }
}
