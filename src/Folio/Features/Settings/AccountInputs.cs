using System.ComponentModel.DataAnnotations;
using Folio.Features.Mail;

namespace Folio.Features.Settings;

public sealed class EmailChangeInput
{
    [Required(ErrorMessage = "Enter your new email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [DeliverableAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(254, ErrorMessage = "Email addresses are at most 254 characters.")]
    [Display(Name = "New email")]
    public string? NewEmail { get; set; }

    [Required(ErrorMessage = "Enter your current password to confirm it’s you.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string? Password { get; set; }
}

public sealed class PasswordChangeInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Use at least 10 characters for your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string? NewPassword { get; set; }
}

public enum StoriesOnDeletion
{
    Delete,
    KeepAnonymously,
}

public sealed class DeleteAccountInput
{
    [Display(Name = "Your stories")]
    public StoriesOnDeletion? Stories { get; set; }

    [Required(ErrorMessage = "Enter your password to delete your account.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }
}
