using System.Globalization;
using System.Security.Claims;
using Folio.Features.Accounts;
using Folio.Features.Scaling;
using Folio.Shared.Images;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Features.Writing;

/// <summary>The uploaded picture, stored in its widths; the editor inserts <c>![alt](url)</c> with it.</summary>
public sealed record InlineImageResponse(string Url, int Width, int Height);

/// <summary>
/// POST /write/images: a picture for a story's body, from the editor's Image button, a paste or a drop. Stored as heroes
/// are (media/images, several widths, JPEG and WebP); refusals are problem details the editor shows as they are.
/// </summary>
public static class InlineImages
{
    public const string Path = "/write/images";

    /// <summary>Enough for a photo essay written in an hour; not enough to use the site as free image hosting.</summary>
    public const int PerHour = 60;

    private const string NoPicture = "No picture was sent";

    public static async Task<Results<Created<InlineImageResponse>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, ImageVariants variants, IRateLimitCounter counter, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Send the picture as multipart/form-data, in a field named “file”.", statusCode: StatusCodes.Status400BadRequest, title: NoPicture);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file)
        {
            return TypedResults.Problem("Choose a PNG, JPEG or WebP picture to upload.", statusCode: StatusCodes.Status400BadRequest, title: NoPicture);
        }

        if (file.Length > ImageVariants.MaxBytes)
        {
            return TypedResults.Problem(UploadedImages.TooLarge(ImageVariants.MaxBytes), statusCode: StatusCodes.Status413PayloadTooLarge, title: "That picture is too large");
        }

        var decision = await counter.TryTakeAsync("images:" + user.RequiredUserId(), PerHour, TimeSpan.FromHours(1), cancellationToken);
        if (!decision.Allowed)
        {
            var minutes = (int)Math.Ceiling(decision.RetryAfter.TotalMinutes);
            request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem($"You have uploaded {PerHour} pictures this hour. Try again in {minutes} minutes.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many pictures");
        }

        var (url, error) = await variants.SaveAsync(file, "images", cancellationToken);
        if (url is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "That picture can’t be used");
        }

        var image = ResponsiveImage.Parse(url)!;
        return TypedResults.Created(url, new InlineImageResponse(url, image.Width, image.Height));
    }
}
