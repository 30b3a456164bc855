<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every parameter of tei-to-html.xsl, typed and documented (tkd:doc before each xsl:param;
  @values lists the allowed values of an enumerated string). Set them on the command line
  (teikit html with the param option: NAME=VALUE), or override them in a stylesheet that
  imports tei-to-html.xsl. The shared parameters (reading) are in ../common/common_params.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xmlns:tkd="https://teikit.invalid/ns/doc"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/common_params.xsl"/>

  <tkd:doc param="css" values="inline link none">How the page gets its style sheet (tei.css beside
    this stylesheet). inline: copied into a style element, so the page stands alone. link: a link
    to css-href (teikit html copies tei.css beside the pages it writes). none: no style sheet.</tkd:doc>
  <xsl:param name="css" as="xs:string" select="'inline'"/>

  <tkd:doc param="css-href">The address of the style sheet when css=link.</tkd:doc>
  <xsl:param name="css-href" as="xs:string" select="'tei.css'"/>

  <tkd:doc param="title-block">Show the header as a title block (title, author, date, first
    publication, source, responsibilities, licence) above each text.</tkd:doc>
  <xsl:param name="title-block" as="xs:boolean" select="true()"/>

  <tkd:doc param="toc">Show a table of contents built from the headings of divisions (when a
    text has at least two).</tkd:doc>
  <xsl:param name="toc" as="xs:boolean" select="true()"/>

  <tkd:doc param="index">Link names with @ref to an index of persons, places and organisations at
    the end of the page (entries link on to Wikidata, VIAF or GeoNames when they have an
    identifier). false: names are marked but not linked, and there is no index.</tkd:doc>
  <xsl:param name="index" as="xs:boolean" select="true()"/>

  <tkd:doc param="page-numbers">Show page numbers (pb/@n) in the margin.</tkd:doc>
  <xsl:param name="page-numbers" as="xs:boolean" select="true()"/>

  <tkd:doc param="image-base">Put before every relative image address (graphic/@url, @facs):
    the way from the page to the folder the TEI's images are relative to, e.g. ../tei/ for a page
    written in site/ from tei/. Empty: the addresses as the TEI gives them.</tkd:doc>
  <xsl:param name="image-base" as="xs:string" select="''"/>

  <tkd:doc param="line-numbers">Show the number (l/@n) of every line of verse whose number is a
    multiple of this in the margin (and every number that does not end in digits). 1: every
    numbered line. 0: none.</tkd:doc>
  <xsl:param name="line-numbers" as="xs:nonNegativeInteger" select="xs:nonNegativeInteger(5)"/>

</xsl:stylesheet>
