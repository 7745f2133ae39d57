using System.Globalization;
using System.Text;

namespace VakkanjersLive.Web.Features.Exports;

/// <summary>
/// Writes RFC 4180 CSV in a culture, with a UTF-8 byte order mark. Numbers use the culture's decimal separator, and
/// the field separator is what a spreadsheet in that culture expects: <c>;</c> where the decimal separator is a
/// comma (Dutch Excel opens <c>77,778</c> as a number), <c>,</c> otherwise. Dates stay ISO 8601 in UTC.
/// Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe: team names and
/// comments are typed by the public and must never execute.
/// </summary>
public sealed class CsvText
{
    private readonly StringBuilder _text = new();

    public CsvText(CultureInfo culture)
    {
        Culture = culture;
        Separator = SeparatorFor(culture);
    }

    public CultureInfo Culture { get; }

    public char Separator { get; }

    public static char SeparatorFor(CultureInfo culture) =>
        culture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';

    public CsvText Row(params object?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(Separator);
            }

            _text.Append(Escape(cells[i]));
        }

        _text.Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(_text.ToString())).ToArray();

    public override string ToString() => _text.ToString();

    public string Escape(object? cell)
    {
        var value = cell switch
        {
            null => string.Empty,
            double d => d.ToString("0.###", Culture),
            decimal m => m.ToString("0.###", Culture),
            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, Culture),
            _ => cell.ToString() ?? string.Empty,
        };
        if (cell is not string)
        {
            // A number or a date: quoted only if it holds the separator (never with the separators chosen above).
            return value.Contains(Separator, StringComparison.Ordinal) ? Quote(value) : value;
        }

        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        // Text with either separator is quoted, so a file re-read with the other separator keeps its columns.
        return value.IndexOfAny([';', ',', '"', '\r', '\n']) >= 0 ? Quote(value) : value;
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
