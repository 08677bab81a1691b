using Folio.Features.SharingCards;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.SharingCards;

/// <summary>
/// A test that needs an installed font with a character DejaVu lacks: skipped, with the Debian package to install, where
/// no installed font has it (never on CI, which installs the package: see .ci/run).
/// </summary>
public sealed class InstalledFontFactAttribute : FactAttribute
{
    public InstalledFontFactAttribute(int codepoint, string package) =>
        Skip = Prerequisites.SkipUnlessRequired(CardFonts.Installed.For(codepoint, bold: false, emoji: false) is null
            ? $"Needs an installed font with U+{codepoint:X4} for sharing cards: apt-get install {package}."
            : null);
}
