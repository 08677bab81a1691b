using Folio.Data;
using Folio.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.People;

/// <summary>Writes a <see cref="SignInRecord"/> on every successful sign-in and keeps the latest <see cref="Kept"/> per account.</summary>
public sealed class SignInHistory(FolioDb db, TimeProvider clock)
{
    public const int Kept = 50;
    public const int UserAgentLength = 200;

    public async Task RecordAsync(string userId, HttpContext http, CancellationToken cancellationToken)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        db.SignInRecords.Add(new SignInRecord
        {
            UserId = userId,
            At = clock.GetUtcNow().UtcDateTime,
            Address = ClientAddress.Of(http),
            UserAgent = agent.Length > UserAgentLength ? agent[..UserAgentLength] : agent,
        });
        await db.SaveChangesAsync(cancellationToken);

        // Ids grow with time: everything below the 50th newest id goes.
        var oldestKept = await db.SignInRecords.Where(r => r.UserId == userId).OrderByDescending(r => r.Id)
            .Skip(Kept - 1).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is { } keep)
        {
            await db.SignInRecords.Where(r => r.UserId == userId && r.Id < keep).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
