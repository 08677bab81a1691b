namespace Folio.Features.SiteAdmin;

/// <summary>One picture's upload form on /admin/site: which picture, its current address, and the form field it posts.</summary>
public sealed record SitePictureForm(string Name, string Label, string? CurrentUrl, string Hint, string Field);
