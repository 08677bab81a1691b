using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Tests.Infrastructure;

/// <summary>A command EF Core sent, with copies of its parameters so that it can be run again (under EXPLAIN).</summary>
public sealed record LoggedCommand(string Sql, IReadOnlyList<(string Name, object? Value, DbParameter Original)> Parameters)
{
    public override string ToString() => Sql;
}

/// <summary>
/// Records the commands run on behalf of one request: a test marks a request with the <see cref="Header"/> and reads
/// back what ran under that mark. Background services (the eviction follower, queue workers) run outside any request,
/// and another test's requests carry another mark, so neither ever counts.
/// </summary>
public sealed class SqlCommandLog(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Command-Log";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<LoggedCommand>> _byMark = new();

    public IReadOnlyList<LoggedCommand> For(string mark) => _byMark.TryGetValue(mark, out var commands) ? [.. commands] : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var mark = http.HttpContext?.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(mark))
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => (p.ParameterName, p.Value is DBNull ? null : p.Value, p is ICloneable cloneable ? (DbParameter)cloneable.Clone() : p))
            .ToList();
        _byMark.GetOrAdd(mark, _ => new ConcurrentQueue<LoggedCommand>()).Enqueue(new LoggedCommand(command.CommandText, parameters));
    }
}
