// Photos are scaled down in the browser before they are kept or sent: a phone's 4000-px, 5-MB picture becomes
// a JPEG of at most 2048 px on its longest side, a few hundred kilobytes to upload over a slow link.
const longest = 2048;

/// The size a picture is drawn at: its own when it fits, else scaled so that its longest side is `limit`, the
/// proportions kept; never below one pixel.
export function scaledSize(width: number, height: number, limit = longest): { width: number; height: number } {
  const ratio = Math.min(1, limit / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)) };
}

export async function scaleDown(file: Blob): Promise<Blob> {
  // from-image: the camera's orientation tag is applied, so the picture is upright once the tags are gone.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const size = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/jpeg', 0.85),
  );
}
