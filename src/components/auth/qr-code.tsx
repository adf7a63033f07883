import QRCode from "qrcode";

/**
 * A QR code drawn as SVG on the server from qrcode's module matrix: no image request, no inline
 * style, nothing the Content-Security-Policy has to allow. Four modules of quiet zone, as the
 * standard asks.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const size = modules.size + quiet * 2;
  let path = "";
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(x, y)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }
  }
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width="240" height="240" shapeRendering="crispEdges" className="max-w-full border border-line bg-white">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
