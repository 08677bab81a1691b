using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Accounts;

/// <summary>Identity's messages, worded for people and attached to the field they are about.</summary>
public sealed class FolioIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"The username “{userName}” is taken. Try another." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"An account with {email} already exists. Sign in, or reset your password." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = $"Usernames are {UsernameRules.Requirement}" };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Use at least {length} characters for your password." };

    /// <summary>Which form field an Identity error belongs to.</summary>
    public static string FieldFor(IdentityError error) => error.Code switch
    {
        var code when code.Contains("UserName", StringComparison.Ordinal) => "UserName",
        var code when code.Contains("Email", StringComparison.Ordinal) => "Email",
        var code when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        _ => "",
    };
}
