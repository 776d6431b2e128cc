/** Files on disk: the output folder, MP3s downloaded and checked, atomic writes, checksums, the holder file. */
package com.akoolnarrator.storage;
