"""The static pages PixioDoc ships (package data): the phone capture page and its shared
AES-GCM module. Plain HTML/CSS/JS, no CDN, no build step; Python serves or uploads them."""
