// Photos are scaled down in the browser before they are kept or sent: a phone's 4000-px, 5-MB picture becomes
// a JPEG of at most 2048 px on its longest side, a few hundred kilobytes to upload over a slow link.
const longest = 2048;

export async function scaleDown(file: Blob): Promise<Blob> {
  // from-image: the camera's orientation tag is applied, so the picture is upright once the tags are gone.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const ratio = Math.min(1, longest / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * ratio);
  canvas.height = Math.round(bitmap.height * ratio);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/jpeg', 0.85),
  );
}
