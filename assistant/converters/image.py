"""Images (PNG, JPEG, TIFF): a photographed or scanned page, read by OCR."""

from __future__ import annotations

from assistant.converters.base import ConvertOptions, RawDocument
from assistant.converters.ocr import ocr_image
from assistant.errors import DocumentError


def convert_image(data: bytes, options: ConvertOptions | None = None) -> RawDocument:
    options = options or ConvertOptions()
    text = ocr_image(data, options.ocr_languages).strip()
    if not text:
        raise DocumentError("Không nhận dạng được chữ nào trong ảnh.", "OCR found no text in the image")
    return RawDocument(text, ocr_pages=[1], notes=["Ảnh đã được nhận dạng chữ (OCR); có thể có lỗi nhận dạng."])
