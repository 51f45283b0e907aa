import type { Payload } from 'payload'
export async function encryptIdentifiersAtRest(_payload: Payload) {}
