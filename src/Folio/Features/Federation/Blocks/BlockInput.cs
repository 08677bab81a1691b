using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Federation.Blocks;

/// <summary>The block form: who to block and why.</summary>
public sealed class BlockInput
{
    [Display(Name = "Domain, handle or actor address")]
    public string? Target { get; set; }

    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    /// <summary>What to fix, by field; the target is read (and resolved) by <see cref="BlockTargets"/>.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            yield return (nameof(Reason), "Say why, for the other moderators and the audit log.");
        }
        else if (reason.Length > FederationBlockConfiguration.ReasonLength)
        {
            yield return (nameof(Reason), $"Keep the reason under {FederationBlockConfiguration.ReasonLength} characters.");
        }
    }
}
