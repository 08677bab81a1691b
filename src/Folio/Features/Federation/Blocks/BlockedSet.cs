namespace Folio.Features.Federation.Blocks;

/// <summary>The blocked domains and actors at one moment, asked in memory: a domain covers its subdomains.</summary>
public sealed class BlockedSet(IEnumerable<string> domains, IEnumerable<string> actors)
{
    public static readonly BlockedSet None = new([], []);

    private readonly HashSet<string> _domains = new(domains, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _actors = new(actors, StringComparer.Ordinal);

    public bool IsEmpty => _domains.Count == 0 && _actors.Count == 0;

    /// <summary>Whether this host, or a domain it is under, is blocked: spam.example covers a.spam.example.</summary>
    public bool CoversHost(string host)
    {
        if (_domains.Count == 0)
        {
            return false;
        }

        var name = host.TrimEnd('.');
        while (true)
        {
            if (_domains.Contains(name))
            {
                return true;
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return false;
            }

            name = name[(dot + 1)..];
        }
    }

    /// <summary>Whether the actor with this id is blocked, by itself or by its server's domain.</summary>
    public bool CoversActor(string actorId) =>
        _actors.Contains(actorId) || (Uri.TryCreate(actorId, UriKind.Absolute, out var uri) && CoversHost(uri.Host));

    /// <summary>
    /// Whether a delivery to this inbox would reach someone blocked: its host is, or it is a blocked actor's own inbox
    /// (under the actor's id, as Mastodon's /users/ana/inbox is). A shared inbox serves others too and stays open.
    /// </summary>
    public bool CoversInbox(string inbox) =>
        Uri.TryCreate(inbox, UriKind.Absolute, out var uri)
        && (CoversHost(uri.Host) || _actors.Any(actor => inbox.StartsWith(actor + "/", StringComparison.Ordinal)));
}
