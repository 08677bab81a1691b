using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Pages.Shared;

/// <summary>
/// A posted form that a page shows again with what to fix answers 400, whichever page it is: a value that isn't of its
/// field's type (a checkbox sent "abc", a number sent "ten"), a required field left empty, a taken username. Model
/// binding and the page have already put the messages in ModelState; this makes a mistyped value safe to show again
/// (a checkbox would try to read "abc" as a bool while rendering) and sets the status, leaving a status the page chose
/// itself (a 403 refusal) as it is.
/// </summary>
public sealed class FormBindingFailures(IModelMetadataProvider metadata) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var unreadable = UnreadableFields(context).ToList();
        foreach (var key in unreadable)
        {
            context.ModelState.SetModelValue(key, rawValue: null, context.ModelState[key]!.AttemptedValue);
        }

        var executed = await next();
        // A list's ?page=banana is read as its first page, as an address someone typed; a posted form is told what to fix.
        if (executed.Result is PageResult page && !HttpMethods.IsGet(context.HttpContext.Request.Method)
            && (unreadable.Count > 0 || (page.StatusCode is null && context.HttpContext.Response.StatusCode == StatusCodes.Status200OK && !context.ModelState.IsValid)))
        {
            page.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private IEnumerable<string> UnreadableFields(PageHandlerExecutingContext context)
    {
        var bound = context.ActionDescriptor.BoundProperties.Concat(context.HandlerMethod?.Parameters ?? [])
            .ToLookup(p => p.BindingInfo?.BinderModelName ?? p.Name, p => p.ParameterType, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.ValidationState == ModelValidationState.Invalid && entry.RawValue is not null
                && TypeAt(bound, key) is { } type && !Converts(entry.RawValue, type))
            {
                yield return key;
            }
        }
    }

    /// <summary>The type of the field a ModelState key names ("Input.RememberMe"), or null when it names none.</summary>
    private Type? TypeAt(ILookup<string, Type> bound, string key)
    {
        var path = key.Split('.');
        var type = bound[path[0]].FirstOrDefault();
        foreach (var name in path.Skip(1))
        {
            type = type is null ? null : metadata.GetMetadataForType(type).Properties[name]?.ModelType;
        }

        return type;
    }

    private static bool Converts(object value, Type type)
    {
        try
        {
            var text = value is string[] values ? values.FirstOrDefault() : value as string;
            TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).ConvertFrom(null, CultureInfo.CurrentCulture, text ?? "");
            return true;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or OverflowException or ArgumentException)
        {
            return false;
        }
    }
}
