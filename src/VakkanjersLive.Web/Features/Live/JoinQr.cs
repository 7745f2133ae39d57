using QRCoder;

namespace VakkanjersLive.Web.Features.Live;

/// <summary>The audience join link and its QR code (SVG, drawn on the server: no script, prints sharply).</summary>
public static class JoinQr
{
    public static string JoinUrl(string baseUri, string joinCode) => $"{baseUri.TrimEnd('/')}/live/{joinCode}";

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
