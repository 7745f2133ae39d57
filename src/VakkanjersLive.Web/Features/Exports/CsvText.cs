using System.Globalization;
using System.Text;

namespace VakkanjersLive.Web.Features.Exports;

/// <summary>
/// Writes RFC 4180 CSV with a semicolon separator (what Dutch Excel opens directly) and a UTF-8 byte order mark.
/// Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe: team names and
/// comments are typed by the public and must never execute.
/// </summary>
public sealed class CsvText
{
    private const char Separator = ';';
    private readonly StringBuilder _text = new();

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

    public static string Escape(object? cell)
    {
        var value = cell switch
        {
            null => string.Empty,
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.###", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? string.Empty,
        };
        if (value.Length > 0 && cell is string && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([Separator, '"', '\r', '\n', ',']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
