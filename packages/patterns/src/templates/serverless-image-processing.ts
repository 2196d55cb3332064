import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's image-processing Lambda: an upload to S3 triggers a Node.js function (512 MB, 30 s)
 * that resizes the image with sharp to 640, 1280 and 1920 pixels wide. The seed writes the results
 * back to the upload bucket under `processed/`, which fires the trigger again for every output
 * unless the notification is filtered by prefix; here they go to a separate bucket, which rules
 * out the recursive loop, and CloudFront serves them.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 100 },
        config: { requestsPerSecond: 50 },
      },
      {
        id: 'uploads',
        kind: 'object-storage',
        label: 'Uploads bucket (S3)',
        position: { x: 260, y: 0 },
        config: { storageGb: 200 },
      },
      {
        id: 'resize-image',
        kind: 'function',
        label: 'Resize image (Lambda, sharp)',
        position: { x: 520, y: 0 },
        config: {
          runtime: 'nodejs22.x',
          architecture: 'arm64',
          memoryMb: 512,
          timeoutS: 30,
          avgDurationMs: 1500,
        },
      },
      {
        id: 'processed',
        kind: 'object-storage',
        label: 'Processed images bucket (S3)',
        position: { x: 780, y: 0 },
        config: { storageGb: 300 },
      },
      { id: 'cdn', kind: 'cdn', label: 'CloudFront (images)', position: { x: 520, y: 200 } },
    ],
    edges: [
      // Browsers upload with pre-signed URLs; most requests view images through the CDN.
      {
        id: 'e-users-uploads',
        source: 'users',
        target: 'uploads',
        kind: 'sync',
        config: { ratio: 0.02, access: 'write' },
      },
      {
        id: 'e-uploads-resize',
        source: 'uploads',
        target: 'resize-image',
        kind: 'trigger',
        label: 's3:ObjectCreated',
      },
      {
        id: 'e-resize-uploads',
        source: 'resize-image',
        target: 'uploads',
        kind: 'sync',
        label: 'Get original',
        config: { access: 'read' },
      },
      {
        id: 'e-resize-processed',
        source: 'resize-image',
        target: 'processed',
        kind: 'sync',
        label: '640, 1280 and 1920 px',
        config: { ratio: 3, access: 'write' },
      },
      { id: 'e-users-cdn', source: 'users', target: 'cdn', kind: 'sync' },
      {
        id: 'e-cdn-processed',
        source: 'cdn',
        target: 'processed',
        kind: 'sync',
        // Cache misses only.
        config: { ratio: 0.1, access: 'read' },
      },
    ],
  };
}

export const serverlessImageProcessing = defineTemplate({
  id: 'serverless-image-processing',
  name: 'Serverless image processing',
  description:
    'An upload to S3 triggers a Lambda function that resizes the image to 640, 1280 and 1920 px and writes the results to a separate bucket (not back to the upload bucket, which would trigger the function again), served through CloudFront.',
  pattern: 'Serverless Patterns: Function as a Service (image processing)',
  build,
});
