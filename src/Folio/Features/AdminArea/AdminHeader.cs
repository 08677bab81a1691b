namespace Folio.Features.AdminArea;

/// <summary>What the top of every admin page says: its title, a line about it, and a message carried from the last action.</summary>
public sealed record AdminHeader(string Title, string? Lead = null, string? Status = null);
