import QRCode from 'qrcode';

/**
 * An address as a QR code in SVG, drawn on the server so the poster prints sharp at any size and
 * the page needs no script. Level M survives a crease or a smudge on a printed poster.
 */
export async function qrSvg(address: string): Promise<string> {
	const svg = await QRCode.toString(address, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2,
		color: { dark: '#000000', light: '#ffffff' }
	});
	// The figure's caption names it; the drawing itself says nothing to a screen reader.
	return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
