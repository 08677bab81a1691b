using System.ComponentModel.DataAnnotations;

namespace Folio.Shared;

public sealed class SecurityOptions
{
    public const string Section = "Folio:Security";

    /// <summary>How long a browser that reached the site over https keeps to https (Strict-Transport-Security); 0 sends no such header.</summary>
    [Range(0, 3650)]
    public int HstsMaxAgeDays { get; set; } = 365;
}
