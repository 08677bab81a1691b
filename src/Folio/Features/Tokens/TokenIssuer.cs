using Folio.Data;

namespace Folio.Features.Tokens;

public sealed class TokenIssuer(FolioDb db, TimeProvider clock)
{
    /// <summary>Stores the hash of a new token for the user and returns the token itself, which is never stored.</summary>
    public async Task<string> IssueAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var token = TokenGenerator.NewToken();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            TokenHash = TokenGenerator.Hash(token),
            Prefix = token[..(TokenGenerator.Prefix.Length + 4)],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}
