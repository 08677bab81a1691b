using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Federation.Remote;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Blocks;

/// <summary>What a moderator typed, read as a block: a domain, or an actor by its id or handle; or why it cannot be.</summary>
public sealed record BlockTarget(FederationBlockKind Kind, string Value);

/// <summary>
/// Reads what a moderator typed into the block form: spam.example is a domain; https://spam.example/users/ana an actor's
/// id; @ana@spam.example or acct:ana@spam.example a handle, resolved to the actor's id through WebFinger on its server.
/// </summary>
public sealed class BlockTargets(FolioDb db, RemoteFetcher fetcher, FederationUrls urls, IOptions<RemoteOptions> options)
{
    public async Task<(BlockTarget? Target, string? Problem)> ReadAsync(string? typed, CancellationToken cancellationToken)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, "Type a domain (spam.example), a handle (@name@spam.example) or an actor’s address (https://…).");
        }

        var (target, problem) = text.Contains("://", StringComparison.Ordinal) ? Actor(text)
            : text.Contains('@', StringComparison.Ordinal) ? await HandleAsync(text, cancellationToken)
            : Domain(text);
        if (target is null)
        {
            return (null, problem);
        }

        var host = target.Kind == FederationBlockKind.Domain ? target.Value : new Uri(target.Value).Host;
        if (host.Equals(new Uri(urls.Origin).Host, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"{host} is this site; its own people are moderated here, not blocked.");
        }

        return await db.FederationBlocks.AnyAsync(b => b.Kind == target.Kind && b.Value == target.Value, cancellationToken)
            ? (null, $"The {FederationBlocking.Describe(target.Kind)} {target.Value} is already blocked.")
            : (target, null);
    }

    private static (BlockTarget?, string?) Domain(string text)
    {
        var host = text.TrimEnd('.').ToLowerInvariant();
        return (Uri.CheckHostName(host) == UriHostNameType.Dns && host.Contains('.', StringComparison.Ordinal)) || Uri.CheckHostName(host) is UriHostNameType.IPv4
            ? (new BlockTarget(FederationBlockKind.Domain, host), null)
            : (null, $"“{text}” is not a domain name like spam.example.");
    }

    private static (BlockTarget?, string?) Actor(string text) =>
        ActivityJson.Url(text) is { } uri && uri.Host.Length > 0
            ? (new BlockTarget(FederationBlockKind.Actor, uri.AbsoluteUri), null)
            : (null, $"“{text}” is not an http(s) address of an actor.");

    private async Task<(BlockTarget?, string?)> HandleAsync(string text, CancellationToken cancellationToken)
    {
        var handle = text.StartsWith("acct:", StringComparison.OrdinalIgnoreCase) ? text[5..] : text.TrimStart('@');
        var at = handle.IndexOf('@', StringComparison.Ordinal);
        var (name, authority) = at > 0 ? (handle[..at], handle[(at + 1)..]) : ("", "");
        var scheme = options.Value.AllowHttp ? "http" : "https";
        if (name.Length == 0 || authority.Length == 0 || authority.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate($"{scheme}://{authority}/.well-known/webfinger", UriKind.Absolute, out var webFinger))
        {
            return (null, $"“{text}” is not a handle like @name@spam.example.");
        }

        var resource = Uri.EscapeDataString($"acct:{name}@{authority}");
        var fetched = await fetcher.GetAsync(new Uri($"{webFinger}?resource={resource}"), cancellationToken);
        var self = (fetched.Document?["links"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(link => ActivityJson.Text(link["rel"]) == "self" && ActivityJson.Text(link["type"]) is "application/activity+json" or "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
        return ActivityJson.Url(ActivityJson.Text(self?["href"])) is { } actor
            ? (new BlockTarget(FederationBlockKind.Actor, actor.AbsoluteUri), null)
            : (null, $"{authority} does not know {text}: {fetched.Problem ?? "its WebFinger answer names no actor"}. Block the domain, or type the actor’s address.");
    }
}
