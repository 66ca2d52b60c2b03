export { findRegion, provinceOf, type Region, regionChildren, regionExists, townshipsOf } from './regions.js';
